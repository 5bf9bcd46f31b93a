using GiamNgheo.Application.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Persistence;

public abstract partial class AppDbContext
{
    public DbSet<ReviewCampaignEntity> ReviewCampaigns => Set<ReviewCampaignEntity>();
    public DbSet<CommuneReviewEntity> CommuneReviews => Set<CommuneReviewEntity>();
    public DbSet<ReviewHouseholdEntity> ReviewHouseholds => Set<ReviewHouseholdEntity>();
    public DbSet<ReviewMeetingEntity> ReviewMeetings => Set<ReviewMeetingEntity>();
    public DbSet<ReviewVoteEntity> ReviewVotes => Set<ReviewVoteEntity>();
    public DbSet<ReviewFileEntity> ReviewFiles => Set<ReviewFileEntity>();
    public DbSet<ReviewComplaintEntity> ReviewComplaints => Set<ReviewComplaintEntity>();
    public DbSet<RecognitionDecisionEntity> RecognitionDecisions => Set<RecognitionDecisionEntity>();
    public DbSet<EscapeRequestEntity> EscapeRequests => Set<EscapeRequestEntity>();
    public DbSet<PublicHolidayEntity> PublicHolidays => Set<PublicHolidayEntity>();
}
