/** Event bus health: queue depths and dead letters (built last; see the monitor's bus route). */
export function BusPage() {
  return (
    <>
      <h1>Event bus</h1>
      <p>Not available yet.</p>
    </>
  );
}
