using System.Globalization;

namespace Guichet.Domain.Identity;

/// <summary>
/// The national health identifier (INS, "matricule INS"): the 13-character NIR (or a temporary NIA) and its
/// 2-digit key. Matching trusts it exactly, so a typo must not get in: the key is checked.
/// </summary>
public static class Ins
{
    /// <summary>The length of an INS on the wire: 13 characters and a 2-digit key.</summary>
    public const int Length = 15;

    /// <summary>
    /// Why <paramref name="ins"/> is not a valid INS, in French, or null when it is: 15 characters, digits except
    /// the Corsican départements 2A and 2B in the 6th and 7th, a first digit of 1, 2, 3, 4, 7 or 8, and a key
    /// equal to 97 minus the number modulo 97 (2A counting as 19, 2B as 18).
    /// </summary>
    public static string? Check(string ins)
    {
        ArgumentNullException.ThrowIfNull(ins);
        if (ins.Length != Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"INS invalide : {Length} caractères attendus (13 pour le NIR, 2 pour la clé), sans espace.");
        }

        var corsica = ins.Substring(5, 2) switch { "2A" => "19", "2B" => "18", _ => null };
        var digits = corsica is null ? ins : string.Concat(ins.AsSpan(0, 5), corsica, ins.AsSpan(7));
        if (!digits.All(char.IsAsciiDigit) || ins[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return "INS invalide : des chiffres sont attendus (2A ou 2B pour la Corse), commençant par 1, 2, 3, 4, 7 ou 8.";
        }

        var number = long.Parse(digits.AsSpan(0, 13), CultureInfo.InvariantCulture);
        var key = int.Parse(digits.AsSpan(13, 2), CultureInfo.InvariantCulture);
        return 97 - (number % 97) == key ? null : "INS invalide : la clé de contrôle ne correspond pas (faute de frappe ?).";
    }
}
