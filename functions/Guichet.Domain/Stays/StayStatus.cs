using System.Text.Json.Serialization;

namespace Guichet.Domain.Stays;

/// <summary>Where a stay stands; derived from its state (<see cref="Stay.Status"/>).</summary>
public enum StayStatus
{
    /// <summary>The person lives in the place ("ongoing").</summary>
    [JsonStringEnumMemberName("ongoing")]
    Ongoing,

    /// <summary>An LHSS stay past its planned end with neither renewal nor exit: the ARS was alerted ("past-planned-end").</summary>
    [JsonStringEnumMemberName("past-planned-end")]
    PastPlannedEnd,

    /// <summary>The person left; the place was declared free again ("exited").</summary>
    [JsonStringEnumMemberName("exited")]
    Exited,
}
