package org.commercemesh.envoy;

import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.OneofOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

import io.envoyproxy.pgv.validate.Validate;
import io.envoyproxy.pgv.validate.Validate.FieldRules;

/**
 * What Envoy checks on load and JSON parsing does not: the protoc-gen-validate rules in its API
 * descriptors (required messages and oneofs, minimum string lengths and item counts, positive
 * numbers and durations), walked through every message of the config, typed configs included.
 */
final class PgvRules {

    private static final ExtensionRegistry EXTENSIONS = ExtensionRegistry.newInstance();

    static {
        Validate.registerAllExtensions(EXTENSIONS);
    }

    private PgvRules() {
    }

    static void check(Message message, String path, List<String> problems) {
        Descriptor type = message.getDescriptorForType();
        for (OneofDescriptor oneof : type.getRealOneofs()) {
            if (oneofOptions(oneof).getExtension(Validate.required) && !message.hasOneof(oneof)) {
                problems.add(path + ": one of " + oneof.getName() + " is required");
            }
        }
        for (FieldDescriptor field : type.getFields()) {
            // A rule on one member of a oneof only applies when that member is the one set.
            if (field.getRealContainingOneof() != null && !message.hasField(field)) {
                continue;
            }
            FieldRules rules = fieldOptions(field).getExtension(Validate.rules);
            String at = path + "." + field.getName();
            if (field.isRepeated()) {
                int count = message.getRepeatedFieldCount(field);
                if (rules.hasRepeated() && rules.getRepeated().hasMinItems()
                        && count < rules.getRepeated().getMinItems()) {
                    problems.add(at + ": needs at least " + rules.getRepeated().getMinItems() + " item(s)");
                }
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField()) {
                    for (int i = 0; i < count; i++) {
                        nested((Message) message.getRepeatedField(field, i), at + "[" + i + "]", problems);
                    }
                }
                continue;
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                boolean required = rules.hasMessage() && rules.getMessage().getRequired()
                        || rules.hasDuration() && rules.getDuration().getRequired()
                        || rules.hasAny() && rules.getAny().getRequired();
                if (!message.hasField(field)) {
                    if (required) {
                        problems.add(at + ": is required");
                    }
                    continue;
                }
                nested((Message) message.getField(field), at, problems);
                continue;
            }
            Object value = message.getField(field);
            if (rules.hasString() && value instanceof String text) {
                long min = Math.max(rules.getString().getMinLen(), rules.getString().getMinBytes());
                if (text.length() < min) {
                    problems.add(at + ": must be at least " + min + " character(s)");
                }
            }
            if (rules.hasUint32() && value instanceof Integer number) {
                if (rules.getUint32().hasGt() && Integer.toUnsignedLong(number) <= rules.getUint32().getGt()) {
                    problems.add(at + ": must be greater than " + rules.getUint32().getGt());
                }
                if (rules.getUint32().hasGte() && Integer.toUnsignedLong(number) < rules.getUint32().getGte()) {
                    problems.add(at + ": must be at least " + rules.getUint32().getGte());
                }
            }
            if (rules.hasEnum() && rules.getEnum().getDefinedOnly()
                    && value instanceof com.google.protobuf.Descriptors.EnumValueDescriptor enumValue
                    && enumValue.getIndex() < 0) {
                problems.add(at + ": is not a defined value");
            }
        }
    }

    private static void nested(Message value, String path, List<String> problems) {
        if (value.getDescriptorForType().getFullName().equals(Any.getDescriptor().getFullName())) {
            Any any;
            try {
                any = Any.parseFrom(value.toByteString());
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
            Descriptor packed = EnvoyConfig.TYPES
                    .find(any.getTypeUrl().substring(any.getTypeUrl().lastIndexOf('/') + 1));
            if (packed == null) {
                problems.add(path + ": unknown @type " + any.getTypeUrl());
                return;
            }
            try {
                check(DynamicMessage.parseFrom(packed, any.getValue()), path + "<" + packed.getName() + ">", problems);
            } catch (InvalidProtocolBufferException e) {
                problems.add(path + ": does not hold a " + packed.getFullName());
            }
            return;
        }
        if (value.getDescriptorForType().getFullName().equals("google.protobuf.Struct")) {
            return;
        }
        check(value, path, problems);
    }

    // Options are re-read with PGV's extensions registered, whatever the generated code knew.
    private static FieldOptions fieldOptions(FieldDescriptor field) {
        try {
            return FieldOptions.parseFrom(field.getOptions().toByteString(), EXTENSIONS);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OneofOptions oneofOptions(OneofDescriptor oneof) {
        try {
            return OneofOptions.parseFrom(oneof.getOptions().toByteString(), EXTENSIONS);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
