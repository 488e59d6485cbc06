namespace Guichet.Host.Commissions;

/// <summary>What became of a request to open a commission session.</summary>
internal enum SessionOpeningResult
{
    /// <summary>The session was opened, with its agenda.</summary>
    Opened,

    /// <summary>The device's session of that day exists already; nothing was started.</summary>
    AlreadyOpened,

    /// <summary>The device is not open at that instant (<c>Devices:&lt;device&gt;:OpenFrom</c>); nothing was started.</summary>
    DeviceClosed,

    /// <summary>A scheduled sitting with no dossier to decide: no session was opened.</summary>
    NothingToDecide,

    /// <summary>The session's decider refused its opening; nothing was started.</summary>
    Refused,
}

/// <summary>What became of a request to open a session, its id, and why when nothing was opened.</summary>
/// <param name="Result">What became of it.</param>
/// <param name="SessionId">The session's id (the device's session of the day).</param>
/// <param name="AgendaSize">How many dossiers its agenda holds, when opened.</param>
/// <param name="Detail">Why nothing was opened, in French.</param>
internal sealed record SessionOpening(SessionOpeningResult Result, string SessionId, int AgendaSize = 0, string? Detail = null);
