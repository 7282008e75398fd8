// Hangfire's global filters, Console redirection and the in-process hosts are process-wide: run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
