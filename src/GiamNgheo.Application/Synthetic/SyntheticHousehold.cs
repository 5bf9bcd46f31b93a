using GiamNgheo.Application.Interchange;

namespace GiamNgheo.Application.Synthetic;

/// <summary>A generated household and its members, head first, as interchange rows.</summary>
public sealed record SyntheticHousehold(HouseholdRow Household, IReadOnlyList<MemberRow> Members);
