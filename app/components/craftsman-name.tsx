// A craftsman's name with the round initial beside it, as the course and livestream pages show
// their teacher (the initial is decoration: screen readers read the name once).
export function CraftsmanName({ displayName }: { displayName: string }) {
  return (
    <p className="craftsman-name">
      <span className="craftsman-avatar" aria-hidden="true">
        {Array.from(displayName)[0] ?? "匠"}
      </span>
      <strong>{displayName}</strong>
    </p>
  );
}
