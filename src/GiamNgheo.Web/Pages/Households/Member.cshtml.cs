using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Domain.Households;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Households;

public sealed class MemberModel(HouseholdQueries queries, HouseholdCommands commands, AdminUnitQueries units) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? MemberId { get; set; }

    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public string HeadName { get; private set; } = string.Empty;
    public IReadOnlyList<EthnicGroup> EthnicGroups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var household = await queries.GetAsync(Id, false, ct);
        if (household is null)
        {
            return NotFound();
        }

        if (MemberId is { } memberId)
        {
            var m = household.Members.SingleOrDefault(x => x.Id == memberId);
            if (m is null)
            {
                return NotFound();
            }

            Input = new MemberForm
            {
                FullName = m.FullName, Sex = m.Sex, DateOfBirth = m.DateOfBirth, EthnicityCode = m.EthnicityCode,
                RelationToHead = m.RelationToHead, HasHealthInsurance = m.HasHealthInsurance, Education = m.Education,
                Schooling = m.Schooling, Disability = m.Disability, Employment = m.Employment,
            };
        }
        else if (household.Members.Count > 0)
        {
            Input.RelationToHead = RelationToHead.Child;
            Input.EthnicityCode = household.Members[0].EthnicityCode;
        }

        await LoadAsync(household, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.DateOfBirth is null)
        {
            if (ModelState.GetFieldValidationState("Input.DateOfBirth") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError("Input.DateOfBirth", L.T("Chưa nhập ngày sinh.", "Date of birth is required."));
            }
        }
        else if (ModelState.IsValid)
        {
            var input = new MemberInput
            {
                FullName = Input.FullName ?? string.Empty, Sex = Input.Sex, DateOfBirth = Input.DateOfBirth.Value,
                EthnicityCode = Input.EthnicityCode ?? string.Empty, RelationToHead = Input.RelationToHead, PersonalId = Input.PersonalId,
                HasHealthInsurance = Input.HasHealthInsurance, Education = Input.Education, Schooling = Input.Schooling,
                Disability = Input.Disability, Employment = Input.Employment,
            };
            var result = MemberId is { } memberId
                ? await commands.UpdateMemberAsync(Id, memberId, input, ct)
                : await commands.AddMemberAsync(Id, input, ct);
            if (this.AfterSave(result, L.T("Đã lưu thành viên.", "Member saved."), _ => $"/Households/Details/{Id}") is { } done)
            {
                return done;
            }
        }

        var household = await queries.GetAsync(Id, false, ct);
        if (household is null)
        {
            return NotFound();
        }

        await LoadAsync(household, ct);
        return Page();
    }

    private async Task LoadAsync(HouseholdDetail household, CancellationToken ct)
    {
        HeadName = household.HeadName;
        EthnicGroups = await units.EthnicGroupsAsync(ct);
    }
}

public sealed class MemberForm
{
    public string? FullName { get; set; }
    public Sex Sex { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? EthnicityCode { get; set; } = "01";
    public RelationToHead RelationToHead { get; set; }
    public string? PersonalId { get; set; }
    public bool HasHealthInsurance { get; set; }
    public EducationLevel Education { get; set; }
    public Schooling Schooling { get; set; }
    public Disability Disability { get; set; }
    public Employment Employment { get; set; }
}
