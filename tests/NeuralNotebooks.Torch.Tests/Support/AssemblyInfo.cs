// libtorch's generator (torch.manual_seed) and thread count are process-wide: run the torch tests one at a time so
// seeded runs are reproducible (and the 2-core test machines are not oversubscribed).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
