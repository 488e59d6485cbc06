using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Guichet.Host.Http;

/// <summary>
/// Describes the OpenAPI document itself: its title and description, its server (relative: the API is served
/// by the origin that serves the document, whatever name the ingress gives it), and each tag's description
/// from the <see cref="ApiTag"/> of its routes.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Guichet unique";
        document.Info.Description = "API du guichet unique ACT, LHSS et LAM. Jeton porteur Entra ID (ou émetteur local en développement) ; erreurs au format RFC 9457.";
        document.Servers = [new OpenApiServer { Url = "/", Description = "L'origine qui sert ce document." }];
        var descriptions = context.DescriptionGroups
            .SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiTag>())
            .DistinctBy(t => t.Name)
            .ToDictionary(t => t.Name, t => t.Description);
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
