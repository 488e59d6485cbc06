using Guichet.Domain.Intake;

namespace Guichet.Domain.Dossiers;

/// <summary>What a dossier instance starts from: a valid request, and the possible matches intake found for it.</summary>
/// <param name="Request">The request it is opened from.</param>
/// <param name="PossibleDuplicates">Active dossiers of the same device that may be the same person: a person decides (never merged silently).</param>
public sealed record OpenDossier(DossierRequest Request, IReadOnlyList<PossibleDuplicate> PossibleDuplicates);

/// <summary>An active dossier that may be the same person's, with the reasons of the match, until a person reviews it.</summary>
/// <param name="DossierId">The other dossier.</param>
/// <param name="Reasons">Why it may be the same person (the identity match's reasons), in words a reviewer reads.</param>
public sealed record PossibleDuplicate(string DossierId, IReadOnlyList<string> Reasons);
