package org.gmmvi.benchmarks.iteration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates the execution samples of a JFR recording ({@code jdk.ExecutionSample}): the share of
 * samples per top frame (self time) and per method anywhere on the stack (inclusive time, counted
 * once per sample), restricted to samples whose stack contains a given frame (default
 * {@code IterationFixture.step}: the measured iterations of {@link ProfileIteration}, not its setup).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.gmmvi.benchmarks.iteration.JfrTop rec.jfr [filter] [rows]
 * </pre>
 */
public final class JfrTop {

  private JfrTop() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: JfrTop recording.jfr [stack filter, default "
          + "IterationFixture.step] [rows, default 25]");
      System.exit(2);
    }
    String filter = args.length > 1 ? args[1] : "IterationFixture.step";
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 25;
    Map<String, Integer> self = new LinkedHashMap<>();
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty() || frames.stream().noneMatch(f -> name(f).contains(filter))) {
        continue;
      }
      total++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (seen.add(n)) {
          inclusive.merge(n, 1, Integer::sum);
        }
      }
    }
    System.out.println("samples containing '" + filter + "': " + total);
    print("self (top frame)", self, total, rows);
    print("inclusive", inclusive, total, rows);
  }

  private static String name(RecordedFrame f) {
    String type = f.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int total, int rows) {
    System.out.println("| " + title + " | share |");
    System.out.println("|---|---:|");
    counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(rows)
        .forEach(en -> System.out.printf(Locale.ROOT, "| `%s` | %.1f%% |%n", en.getKey(),
            100.0 * en.getValue() / Math.max(1, total)));
  }
}
