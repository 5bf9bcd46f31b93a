namespace GiamNgheo.Domain.Households;

/// <summary>Special groups of docs/domain.md §5.3. They can overlap.</summary>
[Flags]
public enum SpecialGroups
{
    None = 0,
    /// <summary>Hộ dân tộc thiểu số (DTTS).</summary>
    EthnicMinority = 1,
    /// <summary>Hộ dân tộc tại chỗ (DTTC).</summary>
    LocalIndigenousMinority = 2,
    /// <summary>Hộ không có khả năng lao động (KCKNLĐ).</summary>
    NoLabourCapacity = 4,
    /// <summary>Hộ có thành viên là người có công với cách mạng.</summary>
    RevolutionaryMerit = 8,
    /// <summary>Hộ có thành viên là đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng.</summary>
    SocialProtection = 16,
    /// <summary>Chủ hộ là nữ.</summary>
    FemaleHead = 32,
}
