package org.commercemesh.platform.events;

/**
 * An event that can never take effect, however often it is tried: no CloudEvents id or type,
 * or a payload that does not parse as its type. It goes straight to the consumer's dead-letter
 * topic instead of through the retries.
 */
public class MalformedEventException extends IllegalArgumentException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
