using System.Diagnostics;

namespace NeuralNotebooks.Kernels;

/// <summary>A piece of work split into parts that run at the same time, one part per thread.</summary>
/// <remarks>Jobs are reusable objects (no delegate or closure per call), so a parallel kernel call allocates nothing.</remarks>
internal abstract class ParallelJob
{
    /// <summary>Runs part <paramref name="part"/> (0 ≤ part &lt; <paramref name="parts"/>).</summary>
    public abstract void Run(int part, int parts);
}

/// <summary>
/// A tiny fork–join pool for the fast kernel: long-lived worker threads that spin briefly and then sleep, so that a run
/// of small matrix products (a training step is a few dozen microseconds each) does not pay a thread wake-up each time.
/// </summary>
/// <remarks>
/// <para>Why not <c>Parallel.For</c>: it allocates (delegate, closure, tasks) on every call and wakes pool threads with a
/// latency of the same order as the work itself. OpenMP-style runtimes (which libtorch uses) also spin before sleeping.</para>
/// <para>The calling thread always runs part 0 itself and then waits for the others. Calls from several threads at once
/// are serialised by a lock; a call made from inside a job runs serially (no nested parallelism).</para>
/// </remarks>
internal static class WorkerPool
{
    private static readonly object Gate = new();      // one parallel run at a time
    private static readonly object SleepLock = new(); // sleeping workers wait on this
    private static readonly List<Thread> Workers = new();
    private static ParallelJob? _job;
    private static int _parts;
    private static int _generation;
    private static int _sleepers;
    private static int[] _claim = new int[1];  // part p of generation g: −g = not started, g = claimed
    private static int[] _done = new int[1];   // part p of generation g finished: g
    private static Exception? _failure;
    [ThreadStatic] private static bool _insideJob;

    /// <summary>How long an idle worker spins before it sleeps (≈ 200 µs: longer than the gap between two products of a step).</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000;

    /// <summary>Runs <paramref name="job"/> in <paramref name="parts"/> parts on up to that many threads (this one included).</summary>
    /// <remarks>Each part is claimed by exactly one thread. After its own part the caller claims every part no worker
    /// has started yet and runs it itself, so a worker that is asleep or descheduled (the machine is busy) costs at most
    /// the time of doing its share serially — never a wait for the operating system to run it.</remarks>
    public static void Run(ParallelJob job, int parts)
    {
        if (parts <= 1 || _insideJob)
        {
            for (int p = 0; p < Math.Max(parts, 1); p++) job.Run(p, Math.Max(parts, 1));
            return;
        }
        lock (Gate)
        {
            EnsureWorkers(parts - 1);
            int g = _generation + 1;
            if (g == int.MaxValue) g = 1;
            _job = job;
            _parts = parts;
            _failure = null;
            for (int p = 1; p < parts; p++) Volatile.Write(ref _claim[p], -g);
            Interlocked.Exchange(ref _generation, g); // publishes the job (full fence)
            if (Volatile.Read(ref _sleepers) > 0)
                lock (SleepLock) Monitor.PulseAll(SleepLock);

            _insideJob = true;
            try
            {
                job.Run(0, parts);
                for (int p = 1; p < parts; p++)
                    if (Interlocked.CompareExchange(ref _claim[p], g, -g) == -g)
                    {
                        job.Run(p, parts);
                        Volatile.Write(ref _done[p], g);
                    }
            }
            finally
            {
                _insideJob = false;
                var wait = new SpinWait();
                for (int p = 1; p < parts; p++)
                {
                    // A part still unclaimed here (the caller's own part threw) is taken so no worker starts it late.
                    if (Interlocked.CompareExchange(ref _claim[p], g, -g) == -g) continue;
                    while (Volatile.Read(ref _done[p]) != g) wait.SpinOnce(sleep1Threshold: -1);
                }
                _job = null;
            }
            if (_failure is { } failure) throw new AggregateException("A worker of the fast kernel failed.", failure);
        }
    }

    private static void EnsureWorkers(int count)
    {
        if (_claim.Length < count + 1)
        {
            Array.Resize(ref _claim, count + 1);
            Array.Resize(ref _done, count + 1);
        }
        while (Workers.Count < count)
        {
            int index = Workers.Count;
            var thread = new Thread(() => WorkerLoop(index + 1)) { IsBackground = true, Name = $"NeuralNotebooks kernel worker {index + 1}" };
            Workers.Add(thread);
            thread.Start();
        }
    }

    private static void WorkerLoop(int part)
    {
        _insideJob = true;
        int seen = Volatile.Read(ref _generation);
        while (true)
        {
            long start = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _generation) == seen)
            {
                if (Stopwatch.GetTimestamp() - start < SpinTicks)
                {
                    Thread.SpinWait(8);
                    continue;
                }
                Interlocked.Increment(ref _sleepers);
                lock (SleepLock)
                {
                    while (Volatile.Read(ref _generation) == seen) Monitor.Wait(SleepLock);
                }
                Interlocked.Decrement(ref _sleepers);
            }
            int g = Volatile.Read(ref _generation);
            seen = g;
            var claims = _claim;
            // Only a claim for the generation just seen succeeds; the job and its fields are then stable until we finish.
            if (part < claims.Length && Interlocked.CompareExchange(ref claims[part], g, -g) == -g)
            {
                try { _job!.Run(part, _parts); }
                catch (Exception e) { _failure = e; }
                Volatile.Write(ref _done[part], g);
            }
        }
    }
}
