package io.kube2ecs.core.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent jobs of one stage (parsing texts on every core, the emitters on a thread each).
 * Callers keep the futures in input order and join them in that order, so the result never depends
 * on timing. With one thread, or for one job, jobs run in the caller's thread.
 */
public final class Workers implements AutoCloseable {

    private final ExecutorService pool;

    /**
     * @param name what the threads are called, e.g. {@code kube2ecs-parse}
     * @param jobs how many jobs there will be at most (no more threads than jobs or cores)
     */
    public Workers(String name, int jobs) {
        this(pool(name, Math.min(jobs, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * One thread per job, however many cores there are: for a few long jobs of unequal length that
     * also wait on the disk (the emitters), where two threads for three jobs left the third waiting
     * for the first to finish, and the longest could not start at once.
     *
     * @param name what the threads are called
     * @param jobs how many jobs there will be
     * @return workers with a thread per job (none for one job: it runs in the caller's thread)
     */
    public static Workers perJob(String name, int jobs) {
        return new Workers(pool(name, jobs));
    }

    private Workers(ExecutorService pool) {
        this.pool = pool;
    }

    private static ExecutorService pool(String name, int threads) {
        return threads <= 1 ? null : Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true); // a run that fails elsewhere must still let the JVM exit
            return thread;
        });
    }

    /**
     * @param job the job
     * @param <T> its result
     * @return its future
     */
    public <T> Future<T> submit(Callable<T> job) {
        if (pool != null) {
            return pool.submit(job);
        }
        try {
            return CompletableFuture.completedFuture(job.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits for a job. The jobs turn bad input into diagnostics; an exception that escapes one is a
     * bug of the core and is rethrown as it is.
     *
     * @param future the job's future
     * @param <T>    its result
     * @return the result
     */
    public static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits for every job, even after one failed, and only then rethrows the first failure (the
     * others suppressed in it): for jobs that write where the caller cleans up once it is told.
     *
     * @param futures the jobs' futures, in input order
     * @param <T>     their result
     * @return the results, in input order
     */
    public static <T> java.util.List<T> joinAll(java.util.List<Future<T>> futures) {
        java.util.List<T> results = new java.util.ArrayList<>(futures.size());
        Throwable failure = null;
        for (Future<T> future : futures) {
            try {
                results.add(join(future));
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return results;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
