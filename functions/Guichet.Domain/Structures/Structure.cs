using System.Diagnostics.CodeAnalysis;

namespace Guichet.Domain.Structures;

/// <summary>A residential care structure of the region: where its places are, of which device, and what they offer.</summary>
/// <param name="Id">Its stable id, safe as a table key ("act-75-maison-chemin-vert").</param>
/// <param name="Name">Its name, as prescribers and people know it.</param>
/// <param name="Operator">The organisation that runs it (its director admits).</param>
/// <param name="Device">The device its places belong to.</param>
/// <param name="Department">The département it is in.</param>
/// <param name="Address">Where it is (a town or district is enough for the matching).</param>
/// <param name="Capacity">How many places it is authorised for.</param>
/// <param name="Housing">Diffuse, collective or mixed housing.</param>
/// <param name="Features">What its places offer, each once; a vacancy may offer fewer.</param>
/// <param name="Fictional">True for a made-up structure of the seed data (named "FICTIF"), false for a real one.</param>
[SuppressMessage("Naming", "CA1716", Justification = "« Structure » is the domain's word (routes, seed, people); no Visual Basic consumer.")]
public sealed record Structure(
    string Id,
    string Name,
    string Operator,
    Device Device,
    Department Department,
    string Address,
    int Capacity,
    HousingForm Housing,
    IReadOnlyList<PlaceFeature> Features,
    bool Fictional = false)
{
    /// <summary>Whether its places may offer <paramref name="feature"/>.</summary>
    public bool Offers(PlaceFeature feature) => Features.Contains(feature);
}
