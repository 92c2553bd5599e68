package org.gmmvi.cli.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * JSON files of a run ({@code final.json}, {@code model.json}), written atomically. Non-finite
 * doubles are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
 * (Jackson's default), which keeps the file valid JSON.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** Serialises {@code value} (maps, lists, arrays, records, numbers, strings) to JSON text. */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot serialise to JSON: " + e.getMessage(), e);
    }
  }

  /** Atomically writes {@code value} as JSON to {@code file}. */
  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.writeString(file, toJson(value));
  }

  /** Reads a JSON object into a map. */
  public static Map<String, Object> readObject(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
  }
}
