namespace Guichet.Domain.Dossiers;

/// <summary>The configurable delays of a dossier's lifecycle.</summary>
/// <param name="InformationDeadline">How long the prescriber has to answer a question (default 30 days).</param>
/// <param name="InformationReminderBefore">How long before that deadline the prescriber is reminded (default 7 days).</param>
public sealed record DossierPolicy(TimeSpan InformationDeadline, TimeSpan InformationReminderBefore)
{
    /// <summary>30 days to answer, a reminder 7 days before.</summary>
    public static DossierPolicy Default { get; } = new(TimeSpan.FromDays(30), TimeSpan.FromDays(7));
}
