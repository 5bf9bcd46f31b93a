using GiamNgheo.Application.Policies;
using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Classification;

namespace GiamNgheo.Web.Infrastructure;

/// <summary>
/// Words where the data holds codes: a standard by its name and legal document (from the standards table), a policy by
/// its name (from the policies table), a household category by "Hộ nghèo". Injected into every page (_ViewImports) as
/// <c>Names</c>; loaded once per request.
/// </summary>
public sealed class DataNames(StandardRegistry standards, PolicyRegistry policies)
{
    private IReadOnlyList<PolicySummary>? policyList;

    /// <summary>"Chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định 07/2021/NĐ-CP)" for ND07_2021; the code when unknown.</summary>
    public async Task<string> StandardAsync(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return string.Empty;
        }

        var standard = (await standards.AllAsync(CancellationToken.None)).FirstOrDefault(s => s.Standard.Code == code).Standard;
        return standard is null ? code : L.T(standard.LabelVi, standard.LabelEn);
    }

    /// <summary>The standard in short, by its legal document ("Nghị định 07/2021/NĐ-CP"), for narrow columns; the code when unknown.</summary>
    public async Task<string> DocumentAsync(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return string.Empty;
        }

        var standard = (await standards.AllAsync(CancellationToken.None)).FirstOrDefault(s => s.Standard.Code == code).Standard;
        return standard?.LegalDocument ?? code;
    }

    /// <summary>The policy's name; the code when unknown.</summary>
    public async Task<string> PolicyAsync(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return string.Empty;
        }

        policyList ??= await policies.ListAsync(CancellationToken.None);
        var policy = policyList.FirstOrDefault(p => p.Code == code);
        return policy is null ? code : L.T(policy.NameVi, policy.NameEn);
    }

    /// <summary>"Hộ nghèo" for poor, "Hộ cận nghèo" for near_poor …; the text itself when it is not a category code.</summary>
    public static string Category(string? code) =>
        HouseholdCategoryCodes.TryParse(code, out var category) ? L.Of(category) : code ?? string.Empty;
}
