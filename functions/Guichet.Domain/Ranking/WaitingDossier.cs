namespace Guichet.Domain.Ranking;

/// <summary>A dossier on the waiting list, as the preview of a draft grid reads it: what ranks it, and what groups it.</summary>
/// <param name="Input">What it brings to the ranking.</param>
/// <param name="Profile">What the preview groups it by.</param>
public sealed record WaitingDossier(RankingInput Input, DossierProfile Profile);
