package org.commercemesh.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives asynchronous calls and records their latency in an HdrHistogram. Closed loop: each of
 * {@code concurrency} loops starts its next call when the previous one ends. Fixed rate: calls
 * start on a schedule and latency counts from when a call should have started, so a stalled
 * server shows in the percentiles instead of hiding behind fewer calls (coordinated omission).
 */
public final class LoadGenerator {

    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private LoadGenerator() {
    }

    public static Outcome run(String name, LoadProfile profile, Supplier<CompletableFuture<?>> call)
            throws InterruptedException {
        return run(name, profile, call, new CpuMeter(List.of()));
    }

    /** As above, with the CPU the meter's processes spent during the measured phase. */
    public static Outcome run(String name, LoadProfile profile, Supplier<CompletableFuture<?>> call, CpuMeter cpu)
            throws InterruptedException {
        if (!profile.warmUp().isZero()) {
            drive(profile, profile.warmUp().toNanos(), call);
        }
        CpuMeter.Sample before = cpu.sample();
        Phase measured = drive(profile, profile.duration().toNanos(), call);
        CpuMeter.Sample spent = cpu.sample().minus(before);
        return new Outcome(name, profile.describe(), measured.latency.getTotalCount(), measured.errors.get(),
                measured.seconds, measured.latency, spent);
    }

    private record Phase(Histogram latency, AtomicLong errors, double seconds) {
    }

    private static Phase drive(LoadProfile profile, long durationNanos, Supplier<CompletableFuture<?>> call)
            throws InterruptedException {
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + durationNanos;
        if (profile.fixedRate()) {
            fixedRate(profile, end, call, recorder, errors);
        } else {
            closedLoop(profile, end, call, recorder, errors);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(recorder.getIntervalHistogram(), errors, seconds);
    }

    private static void closedLoop(LoadProfile profile, long end, Supplier<CompletableFuture<?>> call,
            Recorder recorder,
            AtomicLong errors) throws InterruptedException {
        CountDownLatch loops = new CountDownLatch(profile.concurrency());
        for (int i = 0; i < profile.concurrency(); i++) {
            next(end, call, recorder, errors, loops);
        }
        loops.await();
    }

    /** One loop's next calls; a call that completed at once is recorded here rather than from inside itself. */
    private static void next(long end, Supplier<CompletableFuture<?>> call, Recorder recorder, AtomicLong errors,
            CountDownLatch loops) {
        while (true) {
            long started = System.nanoTime();
            if (started >= end) {
                loops.countDown();
                return;
            }
            CompletableFuture<?> pending = start(call);
            if (!pending.isDone()) {
                pending.whenComplete((result, failure) -> {
                    record(started, result, failure, recorder, errors);
                    next(end, call, recorder, errors, loops);
                });
                return;
            }
            pending.handle((result, failure) -> {
                record(started, result, failure, recorder, errors);
                return null;
            });
        }
    }

    private static void fixedRate(LoadProfile profile, long end, Supplier<CompletableFuture<?>> call, Recorder recorder,
            AtomicLong errors) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / profile.ratePerSecond();
        Semaphore inFlight = new Semaphore(profile.concurrency());
        for (long intended = System.nanoTime(); intended < end; intended += interval) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            long scheduled = intended;
            start(call).whenComplete((result, failure) -> {
                record(scheduled, result, failure, recorder, errors);
                inFlight.release();
            });
        }
        inFlight.acquire(profile.concurrency());
    }

    private static CompletableFuture<?> start(Supplier<CompletableFuture<?>> call) {
        try {
            return call.get();
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private static void record(long started, Object result, Throwable failure, Recorder recorder, AtomicLong errors) {
        if (failure != null) {
            errors.incrementAndGet();
            return;
        }
        long nanos = result instanceof Latency measured ? measured.nanos() : System.nanoTime() - started;
        recorder.recordValue(Math.min(nanos, MAX_LATENCY_NANOS));
    }
}
