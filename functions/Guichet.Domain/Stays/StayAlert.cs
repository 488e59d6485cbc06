namespace Guichet.Domain.Stays;

/// <summary>A reminder or an alert about the planned end of an LHSS stay, put on the placement alerts' queue.</summary>
/// <param name="Kind"><see cref="EndNear"/> or <see cref="EndReached"/>.</param>
/// <param name="Recipient"><see cref="Placement.PlacementAlert.Structure"/> or <see cref="Placement.PlacementAlert.Ars"/>.</param>
/// <param name="StructureId">The structure.</param>
/// <param name="StayId">The stay.</param>
/// <param name="DossierId">The person's dossier.</param>
/// <param name="PlannedEnd">The planned end.</param>
/// <param name="Text">What the recipient reads, in French.</param>
public sealed record StayAlert(string Kind, string Recipient, string StructureId, string StayId, string DossierId, DateOnly PlannedEnd, string Text)
{
    /// <summary>The planned end is near: renew on a medical opinion, or record the exit.</summary>
    public const string EndNear = "stay-end-near";

    /// <summary>The planned end passed with neither renewal nor exit.</summary>
    public const string EndReached = "stay-end-reached";
}
