package cn.zhibu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one operation from many clients at once and measures throughput and latency. Each client
 * (a thread) runs its share of operations back to back; all start together.
 */
final class Load {

    /** One operation of one client; answers whether it succeeded. */
    @FunctionalInterface
    interface Operation {
        boolean run(int client, int round) throws Exception;
    }

    record Result(int clients, int operations, int failures, double perSecond, double p50Micros, double p99Micros) {

        double ratioTo(Result baseline) {
            return perSecond / baseline.perSecond;
        }

        @Override
        public String toString() {
            return String.format("%4d clients %6d ops %3d failed %8.0f /s  p50 %7.0f µs  p99 %7.0f µs", clients,
                    operations, failures, perSecond, p50Micros, p99Micros);
        }
    }

    private Load() {
    }

    static Result run(int clients, int roundsPerClient, Operation operation) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        long[][] latencies = new long[clients][roundsPerClient];
        AtomicInteger failures = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < roundsPerClient; round++) {
                        long began = System.nanoTime();
                        boolean ok;
                        try {
                            ok = operation.run(client, round);
                        } catch (Exception e) {
                            ok = false;
                        }
                        latencies[client][round] = System.nanoTime() - began;
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            int operations = all.length;
            return new Result(clients, operations, failures.get(), operations / seconds, percentile(all, 0.50) / 1e3,
                    percentile(all, 0.99) / 1e3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
