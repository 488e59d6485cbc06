namespace Guichet.Host.Config;

/// <summary>What became of a write to the stored grids.</summary>
internal enum GridWriteResult
{
    /// <summary>A new version was written.</summary>
    Created,

    /// <summary>A draft was revised.</summary>
    Revised,

    /// <summary>A version was activated.</summary>
    Activated,

    /// <summary>No such version.</summary>
    NotFound,

    /// <summary>The write conflicts with what is stored (an activated version, a version out of sequence, a concurrent write); nothing changed.</summary>
    Conflict,
}

/// <summary>What became of a write to the stored grids, the version afterwards, and why when refused.</summary>
/// <param name="Result">What became of it.</param>
/// <param name="Version">The version written or activated.</param>
/// <param name="Detail">Why it was refused, in French.</param>
internal sealed record GridWrite(GridWriteResult Result, GridVersion? Version = null, string? Detail = null);
