using System.Diagnostics;
using NeuralNotebooks.Kernels;

namespace NeuralNotebooks.Tests.Kernels;

public class WorkerPoolTests
{
    [Fact]
    public void Idle_workers_park_shortly_after_the_last_job()
    {
        var counter = new CountingJob();
        WorkerPool.Run(counter, chunks: 64, threads: 2);
        Assert.Equal(64, counter.Runs);
        Assert.True(WorkerPool.WorkerCount >= 1);
        // The spin window is 50 µs; give a busy machine up to 10 s to let the worker reach its monitor.
        var watch = Stopwatch.StartNew();
        while (WorkerPool.ParkedWorkers < WorkerPool.WorkerCount && watch.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(5);
        Assert.Equal(WorkerPool.WorkerCount, WorkerPool.ParkedWorkers);
        WorkerPool.Run(counter, chunks: 64, threads: 2); // and they wake for the next job
        Assert.Equal(128, counter.Runs);
    }

    [Fact]
    public void A_failing_chunk_surfaces_as_an_exception_and_the_pool_keeps_working()
    {
        var e = Assert.ThrowsAny<Exception>(() => WorkerPool.Run(new CountingJob { FailOn = 5 }, chunks: 32, threads: 2));
        Assert.Contains("chunk 5", (e.InnerException ?? e).Message); // thrown on the caller, or wrapped from a worker
        var next = new CountingJob();
        WorkerPool.Run(next, chunks: 32, threads: 2);
        Assert.Equal(32, next.Runs);
    }

    private sealed class CountingJob : ParallelJob
    {
        private int _runs;
        public int FailOn { get; init; } = -1;
        public int Runs => Volatile.Read(ref _runs);

        public override void Run(int part, int parts)
        {
            if (part == FailOn) throw new InvalidOperationException($"chunk {part}");
            Interlocked.Increment(ref _runs);
        }
    }
}
