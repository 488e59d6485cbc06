using Guichet.Domain.Stays;

namespace Guichet.Host.Stays;

/// <summary>A stay: its row, its renewals (the opinion's content only for medical roles), and its exit's note.</summary>
/// <param name="Stay">The stay as its structure's list shows it.</param>
/// <param name="Renewals">Its renewals, in order.</param>
/// <param name="ExitNote">The exit's note, once exited.</param>
public sealed record StayView(StayRow Stay, IReadOnlyList<RenewalView> Renewals, string? ExitNote)
{
    /// <summary>The view of <paramref name="stay"/>; <paramref name="medical"/> shows the opinions' content.</summary>
    public static StayView Of(Stay stay, bool medical)
    {
        ArgumentNullException.ThrowIfNull(stay);
        return new(
            (StayRow)StayRows.Of(stay).Row!,
            [.. stay.Renewals.Select(r => new RenewalView(r.At, r.By, r.Renews, r.NewEnd, r.OpinionAuthor, medical ? r.Opinion : null))],
            stay.Exit?.Note);
    }
}

/// <summary>A renewal as shown.</summary>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Renews">The planned end it extended.</param>
/// <param name="NewEnd">The planned end after it.</param>
/// <param name="OpinionAuthor">The physician who gave the opinion.</param>
/// <param name="Opinion">The opinion's content, for medical roles only.</param>
public sealed record RenewalView(DateTimeOffset At, string? By, DateOnly Renews, DateOnly NewEnd, string OpinionAuthor, string? Opinion);
