namespace Guichet.Domain.Identity;

/// <summary>How sure it is that two requests are for the same person (invariant 1).</summary>
public enum MatchLevel
{
    /// <summary>Not the same person, as far as the data tell.</summary>
    None,

    /// <summary>Perhaps the same person: a person decides; never merged silently.</summary>
    Possible,

    /// <summary>The same person: the requests are merged.</summary>
    Sure,
}
