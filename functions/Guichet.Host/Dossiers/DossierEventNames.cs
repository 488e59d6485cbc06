namespace Guichet.Host.Dossiers;

/// <summary>The names of the dossier workflow's events the host raises (the wire contract of the decider's catalog).</summary>
internal static class DossierEventNames
{
    public const string RequestUpdated = "request-updated";

    public const string RequestMerged = "request-merged";

    public const string MergedInto = "merged-into";
}
