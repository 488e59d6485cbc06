using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Schedules;

/// <summary>
/// A timer trigger bound to its schedule and its status blob: fires an occurrence at most once across all
/// hosts, and finds the occurrence missed while no host ran. It reads storage only when asked to fire or catch up.
/// </summary>
public sealed class TimerTrigger
{
    private readonly Func<TimerFiring, CancellationToken, Task> _handler;
    private readonly ScheduleStatusBlob _status;
    private readonly TimerTriggerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the trigger; nothing is read or written until it fires.</summary>
    public TimerTrigger(string name, CronSchedule schedule, Func<TimerFiring, CancellationToken, Task> handler, BlobServiceClient blobs, TimerTriggerOptions options, TimeProvider time, ILogger<TimerTrigger> logger)
    {
        TimerNames.Validate(name, nameof(name));
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Name = name;
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = options;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _status = new ScheduleStatusBlob(blobs.GetBlobContainerClient(options.LeaseContainer), name, options.LeaseDuration, time);
    }

    /// <summary>
    /// How old an occurrence the one-shot run (<see cref="RunDueAsync"/>) still fires. The scheduled job runs every
    /// minute, so five runs see each occurrence, and between occurrences a run reads no status blob at all. An
    /// occurrence that all of them missed is caught up when a host starts (<see cref="CatchUpAsync"/>).
    /// </summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(5);

    /// <summary>The timer's name.</summary>
    public string Name { get; }

    /// <summary>Its schedule.</summary>
    public CronSchedule Schedule { get; }

    /// <summary>
    /// Fires one occurrence unless it (or a later one) is recorded. When another host holds the lease, it tries
    /// once more a lease duration later, by which time that host has recorded the occurrence or let it go.
    /// </summary>
    public async Task<TimerFireResult> FireAsync(DateTimeOffset occurrence, bool isCatchUp, CancellationToken cancellationToken = default)
    {
        var firing = new TimerFiring(Name, occurrence, isCatchUp);
        var result = await _status.TryFireAsync(occurrence, ct => _handler(firing, ct), cancellationToken);
        if (result == TimerFireResult.Busy)
        {
            await Task.Delay(_options.LeaseDuration, _time, cancellationToken);
            result = await _status.TryFireAsync(occurrence, ct => _handler(firing, ct), cancellationToken);
        }

        _logger.LogInformation("Timer {Timer} occurrence {Occurrence:O}{CatchUp}: {Result}", Name, occurrence, isCatchUp ? " (catch-up)" : "", result);
        return result;
    }

    /// <summary>At start: fires the latest past occurrence, however old, once when the recorded one is older (never when the timer has no record yet).</summary>
    public Task<TimerFireResult> CatchUpAsync(CancellationToken cancellationToken = default) => FireIfDueAsync(requireRecord: true, cancellationToken);

    /// <summary>
    /// One-shot: fires the latest past occurrence once when it is at most <see cref="RecentWindow"/> old and not
    /// recorded, including when the timer never fired; an older one is left without reading storage.
    /// </summary>
    public Task<TimerFireResult> RunDueAsync(CancellationToken cancellationToken = default) => FireIfDueAsync(requireRecord: false, cancellationToken);

    private async Task<TimerFireResult> FireIfDueAsync(bool requireRecord, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (Schedule.Latest(now) is not { } latest || (!requireRecord && latest < now - RecentWindow))
        {
            return TimerFireResult.NotDue;
        }

        var last = await _status.ReadLastAsync(ct);
        if ((last is null && requireRecord) || last >= latest)
        {
            return TimerFireResult.NotDue;
        }

        return await FireAsync(latest, isCatchUp: true, ct);
    }
}
