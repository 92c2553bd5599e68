package org.gmmvi.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Safe YAML loading and dumping of config maps (snakeyaml-engine, YAML 1.2 core schema, so the
 * reference's {@code True}/{@code False} and {@code 5000.} read as booleans and floats).
 *
 * <p>Safety: the document is first composed into a node tree and every node's tag is checked; only
 * the plain data tags (map, sequence, string, integer, float, boolean, null) are allowed. Any other
 * tag ({@code !!java.…}, {@code !custom}, {@code !!binary}, {@code !!set}, …) is refused before any
 * value is constructed, so no type construction can happen. Duplicate keys and documents with many
 * aliases are refused too. Syntax errors are reported with line and column (1-based).
 */
public final class YamlConfig {

  private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT,
      Tag.FLOAT, Tag.BOOL, Tag.NULL);

  private YamlConfig() {}

  private static LoadSettings settings() {
    return LoadSettings.builder().setLabel("config").setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(50).setAllowRecursiveKeys(false)
        .setSchema(new CoreSchema()).build();
  }

  /**
   * Parses a YAML document whose top level is a map (an empty document gives an empty map).
   *
   * @throws ConfigException for malformed YAML (with line/column), a refused tag, or a top level
   *     that is not a map
   */
  public static Map<String, Object> load(String yaml) {
    if (yaml == null) {
      throw new ConfigException("YAML text is null");
    }
    try {
      Optional<Node> root = new Compose(settings()).composeString(yaml);
      if (root.isEmpty()) {
        return new LinkedHashMap<>();
      }
      checkTags(root.get());
      Object v = new Load(settings()).loadFromString(yaml);
      if (v == null) {
        return new LinkedHashMap<>();
      }
      if (!(v instanceof Map<?, ?> m)) {
        throw new ConfigException("the top level of a YAML config must be a map of keys, got "
            + ConfigSection.describe(v));
      }
      return ConfigMaps.deepCopy(ConfigMaps.stringKeyed(m, "YAML top level"));
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      String where = mark.map(mk -> " at line " + (mk.getLine() + 1) + ", column "
          + (mk.getColumn() + 1)).orElse("");
      throw new ConfigException("malformed YAML" + where + ": " + e.getProblem()
          + (e.getContext() == null ? "" : " (" + e.getContext() + ")"), e);
    } catch (YamlEngineException e) {
      throw new ConfigException("malformed YAML: " + e.getMessage(), e);
    }
  }

  private static void checkTags(Node node) {
    if (!PLAIN_TAGS.contains(node.getTag())) {
      String where = node.getStartMark().map(mk -> " at line " + (mk.getLine() + 1)
          + ", column " + (mk.getColumn() + 1)).orElse("");
      throw new ConfigException("refused YAML tag '" + node.getTag().getValue() + "'" + where
          + ": configs may only hold plain maps, lists, strings, numbers, booleans and nulls "
          + "(no type tags)");
    }
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        checkTags(t.getKeyNode());
        checkTags(t.getValueNode());
      }
    } else if (node instanceof SequenceNode s) {
      for (Node c : s.getValue()) {
        checkTags(c);
      }
    }
  }

  /** Dumps a config map as block-style YAML that {@link #load} reads back to an equal map. */
  public static String dump(Map<String, Object> map) {
    DumpSettings s = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
    return new Dump(s).dumpToString(ConfigMaps.deepCopy(map));
  }

  /** Convenience for lists in maps built by {@code toMap()}. */
  static List<Object> list(double[] v) {
    List<Object> l = new java.util.ArrayList<>(v.length);
    for (double d : v) {
      l.add(d);
    }
    return l;
  }
}
