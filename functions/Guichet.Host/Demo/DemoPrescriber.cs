using Guichet.Domain.Intake;

namespace Guichet.Host.Demo;

/// <summary>A prescriber organisation of the demonstration data.</summary>
/// <param name="Id">Its id, as intake messages and the <c>org</c> claim carry it.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type">What kind of organisation it is.</param>
/// <param name="City">Its city.</param>
/// <param name="Department">Its département's code ("93").</param>
/// <param name="Region">Its region.</param>
public sealed record DemoPrescriber(string Id, string Name, PrescriberType Type, string City, string Department, string Region)
{
    /// <summary>Whether it is in Île-de-France, the region the window serves.</summary>
    public bool InRegion => Region == "Île-de-France";
}
