using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Guichet.Domain;
using Guichet.Host.Configuration;
using Guichet.Host.Demo;
using Guichet.Runtime;
using Guichet.Runtime.Queues;
using Guichet.Testing;

namespace Guichet.Bench;

/// <summary>
/// Intake throughput (DESIGN §8: at least 50 % of the raw queue rate): the same fictional requests put on two queues;
/// the raw side receives and deletes them with the SDK, the intake side is the real host taking them from
/// <c>dossiers-intake</c> (validation, keys, identity index, a dossier started or merged, its rows and messages), timed
/// from its first outcome to its last, counted on the <c>guichet.intake.outcomes</c> metric. Both sides receive with the
/// same batch size and threshold (host.json's by default), so that they have as many messages in flight.
/// </summary>
internal static class IntakeThroughput
{
    public static async Task<string> RunAsync(Azurite azurite, int messages, QueueTriggerOptions queues)
    {
        var texts = FictionalRequests.Generate(messages, Device.Act, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))
            .Select(r => MessageText.Encode(FictionalRequests.ToMessage(r), MessageEncoding.Base64)).ToList();
        var profile = new RequestProfile();
        var clients = azurite.Clients(profile);
        var raw = clients.Queues.GetQueueClient("bench-raw-intake");
        await FillAsync(raw, texts);
        var rawCpu = ProcessorTimes.Of(azurite);
        var rawElapsed = await Queues.QueueThroughput.RawReceiveAndDeleteAsync(raw, messages, queues);
        rawCpu = ProcessorTimes.Of(azurite) - rawCpu;
        await FillAsync(clients.Queues.GetQueueClient("dossiers-intake"), texts);

        profile.Reset();
        using var outcomes = new OutcomeCounter(messages, () => ProcessorTimes.Of(azurite));
        await using var host = new BenchHost(azurite, "BenchIntake", clients, settings: new Dictionary<string, string?>
        {
            ["Guichet:IdentityHashKey"] = "guichet-bench-identity-hash-key-0123456789",
            ["Devices:ACT:OpenFrom"] = "2026-01-01",
            [QueueSettings.Section + ":batchSize"] = queues.BatchSize.ToString(CultureInfo.InvariantCulture),
            [QueueSettings.Section + ":newBatchThreshold"] = queues.NewBatchThreshold.ToString(CultureInfo.InvariantCulture),
        });
        _ = host.Server;
        var intakeElapsed = await outcomes.AllAsync(TimeSpan.FromMinutes(15));
        var intakeCpu = outcomes.ProcessorTimes;

        var rawRate = messages / rawElapsed.TotalSeconds;
        var intakeRate = (messages - 1) / intakeElapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"""
            Intake throughput, {messages} fictional ACT requests (about one in ten the same person again), both sides batch {queues.BatchSize}, next batch at {queues.NewBatchThreshold} in flight (at most {queues.MaxConcurrency})
              raw receive + delete (SDK): {rawRate,10:F1} msg/s  ({rawElapsed.TotalSeconds:F2} s)
              intake (real host)        : {intakeRate,10:F1} msg/s  ({intakeElapsed.TotalSeconds:F2} s, first to last outcome)
              intake / raw              : {intakeRate / rawRate,10:P0}   (target >= 50 %)
              processor time per message, raw   : {rawCpu.PerItem(messages, rawElapsed)}
              processor time per message, intake: {intakeCpu.PerItem(messages - 1, intakeElapsed)}
            {profile.Report(messages)}
            """);
    }

    private static async Task FillAsync(Azure.Storage.Queues.QueueClient queue, IEnumerable<string> texts)
    {
        await queue.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(texts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (text, ct) => await queue.SendMessageAsync(text, ct));
    }

    /// <summary>Counts intake outcomes from the host's meter; times the first to the last.</summary>
    private sealed class OutcomeCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Stopwatch _clock = new();
        private readonly int _expected;
        private readonly Func<ProcessorTimes> _processorTimes;
        private ProcessorTimes _first;
        private long _count;

        public OutcomeCounter(int expected, Func<ProcessorTimes> processorTimes)
        {
            _expected = expected;
            _processorTimes = processorTimes;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "guichet.intake.outcomes")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
            {
                var count = Interlocked.Add(ref _count, value);
                if (count == value)
                {
                    _first = _processorTimes();
                    _clock.Start();
                }

                if (count >= _expected)
                {
                    _clock.Stop();
                    ProcessorTimes = _processorTimes() - _first;
                    _done.TrySetResult();
                }
            });
            _listener.Start();
        }

        /// <summary>The processor time used from the first outcome to the last.</summary>
        public ProcessorTimes ProcessorTimes { get; private set; }

        public async Task<TimeSpan> AllAsync(TimeSpan timeout)
        {
            await _done.Task.WaitAsync(timeout);
            return _clock.Elapsed;
        }

        public void Dispose() => _listener.Dispose();
    }
}
