namespace Guichet.Domain.Commissions;

/// <summary>The names of the commission-session workflow's events: the wire contract of its routes and of the history.</summary>
public static class CommissionEventNames
{
    /// <summary><see cref="Commissions.DecisionRecorded"/>.</summary>
    public const string DecisionRecorded = "decision-recorded";

    /// <summary><see cref="Commissions.AgendaContinued"/>, sent by the session to itself.</summary>
    public const string AgendaContinued = "agenda-continued";

    /// <summary><see cref="Commissions.SessionClosed"/>.</summary>
    public const string SessionClosed = "session-closed";

    /// <summary><see cref="DossierRefused"/>, raised by the runtime.</summary>
    public const string DeliveryFailed = Deciders.DeliveryFailed.EventName;
}
