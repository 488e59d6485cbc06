namespace Guichet.Domain.Dossiers;

/// <summary>The configurable delays of a dossier's lifecycle.</summary>
/// <param name="InformationDeadline">How long the prescriber has to answer a question (default 30 days).</param>
/// <param name="InformationReminderBefore">How long before that deadline the prescriber is reminded (default 7 days).</param>
public sealed record DossierPolicy(TimeSpan InformationDeadline, TimeSpan InformationReminderBefore)
{
    /// <summary>30 days to answer, a reminder 7 days before; a confirmation every 6 months, reminded 1 month before, 1 month of grace.</summary>
    public static DossierPolicy Default { get; } = new(TimeSpan.FromDays(30), TimeSpan.FromDays(7));

    /// <summary>Every how many calendar months a waiting dossier is confirmed by its prescriber (default 6).</summary>
    public int ConfirmationMonths { get; init; } = 6;

    /// <summary>How many calendar months before the confirmation's date the prescribers are reminded (default 1).</summary>
    public int ConfirmationReminderMonths { get; init; } = 1;

    /// <summary>How many calendar months an unconfirmed dossier waits, asked again, before it expires (default 1).</summary>
    public int ConfirmationGraceMonths { get; init; } = 1;
}
