using Microsoft.AspNetCore.Http.Metadata;

namespace Guichet.Host.Http;

/// <summary>
/// Tags the routes of a group in the OpenAPI document, with the description the document gives the tag: a
/// group states what it is where it is mapped (<c>.WithMetadata(new ApiTag(…))</c> instead of <c>.WithTags</c>).
/// </summary>
/// <param name="Name">The tag, which groups the routes in the document and the docs page.</param>
/// <param name="Description">What the routes of the tag are for, and who may call them.</param>
internal sealed record ApiTag(string Name, string Description) : ITagsMetadata
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Tags => [Name];
}
