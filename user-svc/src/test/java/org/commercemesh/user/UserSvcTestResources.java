package org.commercemesh.user;

import org.commercemesh.testing.auth.JwtKeysResource;
import org.commercemesh.testing.kafka.KafkaBrokerResource;
import org.commercemesh.testing.mail.SmtpServerResource;
import org.commercemesh.testing.postgres.PostgresDatabaseResource;
import org.commercemesh.testing.sms.TwilioApiResource;
import org.commercemesh.user.geocoding.NominatimApi;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of user-svc runs against a fresh database, a real Kafka broker, the test key pair, an
 * SMTP server, a Twilio-speaking SMS gateway and a Nominatim-speaking geocoder. */
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpServerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TwilioApiResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = NominatimApi.class, scope = TestResourceScope.GLOBAL)
public final class UserSvcTestResources {

    private UserSvcTestResources() {
    }
}
