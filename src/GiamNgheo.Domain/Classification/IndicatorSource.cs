namespace GiamNgheo.Domain.Classification;

public enum IndicatorSource
{
    /// <summary>Derived from member facts at the review date.</summary>
    Members = 0,

    /// <summary>The reviewer's direct answer.</summary>
    DirectAnswer = 1,

    /// <summary>Neither member facts nor an answer: counted as not deprived, and the classification is incomplete.</summary>
    NotAnswered = 2,
}
