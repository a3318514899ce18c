import { api } from '../api.js';
import { ChartFigure } from '../components/chart-figure.js';
import { Part } from '../components/part.js';
import type {
  ActivityStats,
  ClubRequirementStats,
  PictureStats,
  SignUpStats,
  SocialMediaStats,
} from '../stats.js';
import { weekLabels } from '../stats.js';
import { useLoad } from '../use-load.js';

function Card({ label, value, change }: { label: string; value: number | string; change?: number }) {
  return (
    <article>
      <span class="value">{value}</span>
      {label}
      {change !== undefined && <small> (+{change} in 7 days)</small>}
    </article>
  );
}

const only = <T,>(list: [T]) => list[0];

export function OverviewPage() {
  const [signUps] = useLoad(() => api<SignUpStats>('/api/monitor/overview/stats/sign-up'));
  const [activity] = useLoad(() => api<ActivityStats>('/api/monitor/overview/stats/activity'));
  const [links] = useLoad(() => api<SocialMediaStats>('/api/monitor/more-stats/social-media').then(only));
  const [recruiting] = useLoad(() =>
    api<ClubRequirementStats>('/api/monitor/more-stats/club-reqs').then(only),
  );
  const [pictures] = useLoad(() => api<PictureStats>('/api/monitor/more-stats/pic-stats').then(only));

  // Each statistics route is its own Part: its own loading state and error, so one failure hides nothing else.
  return (
    <>
      <h1>Overview</h1>
      <section aria-label="Counts">
        <Part loaded={signUps}>
          {({ club_admin: clubs, student }) => (
            <div class="cards">
              <Card
                label="Clubs registered"
                value={clubs.main.clubs_registered}
                change={clubs.changed.clubs_registered}
              />
              <Card
                label="Clubs confirmed"
                value={clubs.main.clubs_confirmed}
                change={clubs.changed.clubs_confirmed}
              />
              <Card
                label="Clubs reactivated"
                value={clubs.main.clubs_reactivated}
                change={clubs.changed.clubs_reactivated}
              />
              <Card label="RSO emails" value={clubs.main.clubs_rso_list} />
              <Card
                label="Students signed up"
                value={student.main.students_signed_up}
                change={student.changed.students_signed_up}
              />
              <Card
                label="Students confirmed"
                value={student.main.students_confirmed}
                change={student.changed.students_confirmed}
              />
            </div>
          )}
        </Part>
        <Part loaded={activity}>
          {(now) => (
            <div class="cards">
              <Card label="Officers active (30 min)" value={now.active_club_admins} />
              <Card label="Students active (30 min)" value={now.active_students} />
              <Card label="Catalog searches" value={now.catalog_searches} />
            </div>
          )}
        </Part>
      </section>
      <section class="charts" aria-label="Charts">
        <Part loaded={signUps}>
          {({ club_admin: { history } }) => (
            <ChartFigure
              title="Club sign-ups per week"
              type="line"
              labels={weekLabels(history.clubs_registered.length)}
              series={[
                { label: 'Registered', values: history.clubs_registered },
                { label: 'Confirmed', values: history.clubs_confirmed },
                { label: 'Reactivated', values: history.clubs_reactivated },
              ]}
            />
          )}
        </Part>
        <Part loaded={activity}>
          {(now) => (
            <ChartFigure
              title="Activity"
              type="bar"
              labels={['Officers (30 min)', 'Students (30 min)', 'Catalog searches']}
              series={[
                {
                  label: 'Count',
                  values: [now.active_club_admins, now.active_students, Number(now.catalog_searches) || 0],
                },
              ]}
            />
          )}
        </Part>
        <Part loaded={links}>
          {(counts) => (
            <ChartFigure
              title="Links set, by kind"
              type="bar"
              horizontal
              labels={Object.keys(counts)}
              series={[{ label: 'Clubs', values: Object.values(counts) }]}
            />
          )}
        </Part>
        <Part loaded={pictures}>
          {(counts) => (
            <ChartFigure
              title="Pictures"
              type="bar"
              horizontal
              labels={['Logo and banner', 'Logo only', 'Banner only', 'Neither']}
              series={[
                {
                  label: 'Clubs',
                  values: [
                    counts.logo_pic_and_banner_pic,
                    counts.logo_pic_and_no_banner_pic,
                    counts.no_logo_pic_and_banner_pic,
                    counts.no_logo_pic_and_no_banner_pic,
                  ],
                },
              ]}
            />
          )}
        </Part>
        <Part loaded={recruiting}>
          {(counts) => (
            <ChartFigure
              title="Recruiting"
              type="bar"
              horizontal
              labels={[
                'Application, taking members',
                'Application, not taking members',
                'No application, taking members',
                'No application, not taking members',
              ]}
              series={[
                {
                  label: 'Clubs',
                  values: [
                    counts.app_required_and_new_members,
                    counts.app_required_and_no_new_members,
                    counts.no_app_required_and_new_members,
                    counts.no_app_required_and_no_new_members,
                  ],
                },
              ]}
            />
          )}
        </Part>
      </section>
    </>
  );
}
