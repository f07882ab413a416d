package org.splitinfer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Precision;

/** JSON output: insertion-ordered objects, pretty-printed, one document per command. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("splitinfer-values")
                    .addSerializer(ModelPrecision.class, ToStringSerializer.instance)
                    .addSerializer(Precision.class, new StdSerializer<>(Precision.class) {
                        @Override
                        public void serialize(Precision value, JsonGenerator generator, SerializerProvider provider)
                                throws IOException {
                            generator.writeString(value.name());
                        }
                    })
                    .addSerializer(new LowerCaseEnums()));

    private Json() {
    }

    /** Enums as their names in lower case: {@code prefill}, {@code shipping}, {@code time_per_output_token}. */
    private static final class LowerCaseEnums extends StdSerializer<Enum<?>> {
        private static final long serialVersionUID = 1L;

        LowerCaseEnums() {
            super(Enum.class, false);
        }

        @Override
        public void serialize(Enum<?> value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * A record of core's as JSON: its components by name, formats as their CLI spelling, enums in lower case.
     *
     * @param value a record
     * @return the tree
     */
    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static void print(JsonNode node, PrintWriter out) {
        try {
            out.println(MAPPER.writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
