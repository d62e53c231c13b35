package dev.p4ebpf.ebpf.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes {@code prog.json}. Reading binds the JSON to the records (unknown or missing
 * fields and wrong types are reported with their JSON path) and then checks the description with
 * {@link ControlPlaneValidator}; a description that is read is consistent.
 */
public final class ControlPlaneJson {
    private ControlPlaneJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

    /** Reads and validates the description in {@code file}. */
    public static ControlPlane read(Path file) throws ControlPlaneException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ControlPlaneException(file.toString(),
                    List.of(new ControlPlaneException.Problem("$", "cannot read the file: " + e.getMessage())));
        }
        return parse(text, file.toString());
    }

    /** Parses and validates {@code json}; {@code source} names it in messages. */
    public static ControlPlane parse(String json, String source) throws ControlPlaneException {
        ControlPlane cp;
        try {
            cp = MAPPER.readValue(json, ControlPlane.class);
        } catch (JsonMappingException e) {
            throw new ControlPlaneException(source, List.of(new ControlPlaneException.Problem(path(e),
                    e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", ""))));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "$"
                    : "$ (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ControlPlaneException(source,
                    List.of(new ControlPlaneException.Problem(where, "not valid JSON: " + e.getOriginalMessage())));
        }
        List<ControlPlaneException.Problem> problems = ControlPlaneValidator.validate(cp);
        if (!problems.isEmpty()) {
            throw new ControlPlaneException(source, problems);
        }
        return cp;
    }

    /** The description as indented JSON, fields in record order. */
    public static String write(ControlPlane cp) {
        try {
            return MAPPER.writeValueAsString(cp) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("control-plane records must always serialise: " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            }
        }
        return b.toString();
    }
}
