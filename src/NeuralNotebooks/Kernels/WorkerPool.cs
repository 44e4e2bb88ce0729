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
/// <para>Idle workers spin for <see cref="SpinMicroseconds"/> µs after their last chunk — longer than the gaps between
/// the parallel calls of one training step, which come every few microseconds — and then park on a monitor, using no CPU
/// until the next call wakes them. So between epochs, in a notebook's other cells, or while libtorch trains in the same
/// process, the pool costs nothing; only the first product after a pause pays the wake-up (and the caller does not
/// wait for it: it starts on the chunks itself).</para>
/// <para>Why not <c>Parallel.For</c>: it allocates (delegate, closure, tasks) on every call and wakes pool threads with a
/// latency of the same order as the work itself. OpenMP-style runtimes (which libtorch uses) also spin before sleeping.</para>
/// <para>A job is cut into chunks that threads claim one at a time from a shared ticket (dynamic scheduling): the caller
/// works too, so a worker that is asleep or descheduled (a busy machine) only means the others take more chunks —
/// never a wait for the operating system to run it. The ticket packs (generation, chunk count, next chunk) into one
/// 64-bit word, so a late worker can never claim a chunk of a job other than the one it saw.</para>
/// <para>Calls from several threads are serialised by a lock; a call made from inside a job runs serially.</para>
/// </remarks>
internal static class WorkerPool
{
    private static readonly object Gate = new();      // one parallel run at a time
    private static readonly object SleepLock = new(); // sleeping workers wait on this
    private static readonly List<Thread> Workers = new();
    private static ParallelJob? _job;
    private static int _generation;
    private static long _ticket;      // generation << 32 | chunks << 16 | next chunk
    private static int _completed;
    private static int _sleepers;
    private static int _activeWorkers;
    private static Exception? _failure;
    [ThreadStatic] private static bool _insideJob;

    /// <summary>Worker threads started so far (the caller of a job is not one of them).</summary>
    public static int WorkerCount
    {
        get { lock (Gate) return Workers.Count; }
    }

    /// <summary>Workers parked on the monitor right now (using no CPU).</summary>
    public static int ParkedWorkers => Volatile.Read(ref _sleepers);

    /// <summary>Most chunks a job may have.</summary>
    public const int MaxChunks = ushort.MaxValue;

    /// <summary>How long an idle worker spins before it parks.</summary>
    public const int SpinMicroseconds = 50;

    private static readonly long SpinTicks = Stopwatch.Frequency * SpinMicroseconds / 1_000_000;

    /// <summary>Runs chunks 0 … <paramref name="chunks"/> − 1 of <paramref name="job"/> on up to <paramref name="threads"/> threads (this one included).</summary>
    public static void Run(ParallelJob job, int chunks, int threads)
    {
        chunks = Math.Clamp(chunks, 1, MaxChunks);
        if (chunks == 1 || threads <= 1 || _insideJob)
        {
            for (int c = 0; c < chunks; c++) job.Run(c, chunks);
            return;
        }
        lock (Gate)
        {
            EnsureWorkers(threads - 1);
            _activeWorkers = threads - 1;
            int g = _generation % 0x3FFF_FFFF + 1;
            _job = job;
            _failure = null;
            Volatile.Write(ref _completed, 0);
            Interlocked.Exchange(ref _ticket, ((long)g << 32) | ((long)chunks << 16));
            Interlocked.Exchange(ref _generation, g); // wakes spinning workers (full fence)
            if (Volatile.Read(ref _sleepers) > 0)
                lock (SleepLock) Monitor.PulseAll(SleepLock);

            _insideJob = true;
            try { Work(g); }
            finally
            {
                _insideJob = false;
                // Take every chunk nobody claimed (only if a chunk threw), then wait for the claimed ones.
                while (TryClaim(g, out _, out _)) Interlocked.Increment(ref _completed);
                var wait = new SpinWait();
                while (Volatile.Read(ref _completed) < chunks) wait.SpinOnce(sleep1Threshold: -1);
                _job = null;
            }
            if (_failure is { } failure) throw new AggregateException("A worker of the fast kernel failed.", failure);
        }
    }

    /// <summary>Claims and runs chunks of generation <paramref name="g"/> until none is left.</summary>
    private static void Work(int g)
    {
        while (TryClaim(g, out int chunk, out int chunks))
        {
            try { _job!.Run(chunk, chunks); }
            finally { Interlocked.Increment(ref _completed); }
        }
    }

    private static bool TryClaim(int g, out int chunk, out int chunks)
    {
        while (true)
        {
            long t = Volatile.Read(ref _ticket);
            chunks = (int)((t >> 16) & 0xFFFF);
            chunk = (int)(t & 0xFFFF);
            if ((int)(t >> 32) != g || chunk >= chunks) return false;
            if (Interlocked.CompareExchange(ref _ticket, t + 1, t) == t) return true;
        }
    }

    private static void EnsureWorkers(int count)
    {
        while (Workers.Count < count)
        {
            int index = Workers.Count;
            var thread = new Thread(() => WorkerLoop(index)) { IsBackground = true, Name = $"NeuralNotebooks kernel worker {index + 1}" };
            Workers.Add(thread);
            thread.Start();
        }
    }

    private static void WorkerLoop(int index)
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
            seen = Volatile.Read(ref _generation);
            if (index >= Volatile.Read(ref _activeWorkers)) continue; // fewer threads asked for than exist
            try { Work(seen); }
            catch (Exception e) { _failure = e; }
        }
    }
}
