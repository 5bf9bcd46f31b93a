namespace GiamNgheo.Domain.Households;

/// <summary>Giới tính.</summary>
public enum Sex
{
    Male = 0,
    Female = 1,
}

/// <summary>Quan hệ với chủ hộ (Mẫu 01 member table).</summary>
public enum RelationToHead
{
    Head = 0,
    Spouse = 1,
    Child = 2,
    Parent = 3,
    Grandchild = 4,
    Sibling = 5,
    Other = 6,
}

/// <summary>Trình độ học vấn cao nhất đã hoàn thành.</summary>
public enum EducationLevel
{
    None = 0,
    Primary = 1,
    LowerSecondary = 2,
    UpperSecondary = 3,
    Vocational = 4,
    Higher = 5,
}

/// <summary>Tình trạng đi học hiện nay.</summary>
public enum Schooling
{
    NotInSchool = 0,
    InSchool = 1,
}

/// <summary>Mức độ khuyết tật (Luật Người khuyết tật 2010: nhẹ, nặng, đặc biệt nặng).</summary>
public enum Disability
{
    None = 0,
    Mild = 1,
    Severe = 2,
    ExtremelySevere = 3,
}

/// <summary>Tình trạng việc làm.</summary>
public enum Employment
{
    /// <summary>Chưa đến tuổi lao động, đang đi học, nghỉ hưu, nội trợ: ngoài lực lượng lao động.</summary>
    NotInLabourForce = 0,
    /// <summary>Làm công ăn lương có hợp đồng lao động.</summary>
    WageWithContract = 1,
    /// <summary>Làm công ăn lương không có hợp đồng lao động.</summary>
    WageWithoutContract = 2,
    /// <summary>Tự làm (nông nghiệp, kinh doanh hộ).</summary>
    SelfEmployed = 3,
    /// <summary>Thất nghiệp: có khả năng và muốn làm việc nhưng không có việc.</summary>
    Unemployed = 4,
    /// <summary>Không có khả năng lao động.</summary>
    UnableToWork = 5,
}
