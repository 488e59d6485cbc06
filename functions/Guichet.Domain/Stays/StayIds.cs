using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Guichet.Domain.Stays;

/// <summary>
/// The ids a stay is known by, derived rather than drawn, so that a start or an exit delivered twice starts one instance:
/// one stay per filled vacancy, one new vacancy per exit.
/// </summary>
public static class StayIds
{
    private const string VacancyPrefix = "vacancy-";
    private const int MaxLength = 100;

    /// <summary>The stay opened by the admission that filled <paramref name="vacancyId"/>: "stay-20261124-…" for "vacancy-20261124-…".</summary>
    public static string Of(string vacancyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vacancyId);
        var id = "stay-" + (vacancyId.StartsWith(VacancyPrefix, StringComparison.Ordinal) ? vacancyId[VacancyPrefix.Length..] : vacancyId);
        return id.Length <= MaxLength ? id : "stay-" + Hash(vacancyId);
    }

    /// <summary>The vacancy that declares the place of <paramref name="stayId"/> free again after its exit on <paramref name="exitDate"/>.</summary>
    public static string VacancyAfter(string stayId, DateOnly exitDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stayId);
        return string.Create(CultureInfo.InvariantCulture, $"{VacancyPrefix}{exitDate:yyyyMMdd}-{Hash("exit\n" + stayId)}");
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
}
