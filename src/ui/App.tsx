export function App() {
  return <h1>Rendezvous</h1>;
}
