using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Synthetic;

/// <summary>A member while the household is being built; becomes a MemberRow at the end.</summary>
internal sealed class MemberDraft(RelationToHead relation, Sex sex, int age)
{
    public RelationToHead Relation { get; } = relation;

    public Sex Sex { get; } = sex;

    /// <summary>Age in completed years on the review date.</summary>
    public int Age { get; } = age;

    public string Ethnicity { get; set; } = EthnicMixTables.Kinh;

    public Disability Disability { get; set; }

    public bool HealthInsurance { get; set; } = true;

    public EducationLevel Education { get; set; }

    public Schooling Schooling { get; set; }

    public Employment Employment { get; set; }

    /// <summary>Family or clan name, inherited by children; empty for traditions without one.</summary>
    public string Family { get; set; } = "";

    public bool IsSeverelyDisabled => Disability is Disability.Severe or Disability.ExtremelySevere;

    public bool InSchool => Schooling == Schooling.InSchool;
}
