using GiamNgheo.Domain.Households;

namespace GiamNgheo.Domain.Tests.Oracles;

// Private copies of the former derivations of the head-derived special groups (before SpecialGroupRules.FollowHead),
// on plain values instead of entities; kept only as oracles for the agreement property tests.
internal static class FormerSpecialGroups
{
    /// <summary>HouseholdCommands.RefreshDerived (household form/API, demo seeder): ethnicCodes holds minority codes as is, others prefixed "!".</summary>
    public static SpecialGroups HouseholdCommands(SpecialGroups current, (Sex Sex, string EthnicityCode)? head, HashSet<string> ethnicCodes)
    {
        if (head is null)
        {
            return current;
        }

        var groups = current & ~(SpecialGroups.EthnicMinority | SpecialGroups.FemaleHead);
        if (ethnicCodes.Contains(head.Value.EthnicityCode))
        {
            groups |= SpecialGroups.EthnicMinority;
        }

        if (head.Value.Sex == Sex.Female)
        {
            groups |= SpecialGroups.FemaleHead;
        }

        return groups;
    }

    /// <summary>HouseholdImporter.Groups: minority holds the minority codes only.</summary>
    public static SpecialGroups Importer(SpecialGroups flags, (Sex Sex, string EthnicityCode)? head, HashSet<string> minority)
    {
        var groups = flags & ~(SpecialGroups.EthnicMinority | SpecialGroups.FemaleHead);
        if (head is not null && minority.Contains(head.Value.EthnicityCode))
        {
            groups |= SpecialGroups.EthnicMinority;
        }

        if (head?.Sex == Sex.Female)
        {
            groups |= SpecialGroups.FemaleHead;
        }

        return groups;
    }
}
