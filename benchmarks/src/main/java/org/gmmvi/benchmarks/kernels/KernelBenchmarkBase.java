package org.gmmvi.benchmarks.kernels;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH settings shared by the kernel benchmarks (JMH annotations are inherited).
 *
 * <p>Knobs: average time per operation in microseconds; 1 fork, since the machine is shared and
 * noisy and only ratios inside one run are trusted (use {@code -f 3} for numbers you publish);
 * 3 warm-up iterations of 1 s, enough for C2 to compile the Vector API tile loops (without C2 they
 * run boxed, orders of magnitude slower); 5 measured iterations of 1 s. Forks get the Vector API
 * module and native access. One Java thread; OpenBLAS is pinned to 1 thread by the backend.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector",
    "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class KernelBenchmarkBase {
}
