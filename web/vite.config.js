import { defineConfig } from "vite";

// The edge serves dist/ beside the API (same origin); `npm run dev` proxies nothing and
// talks to the edge on :8080, whose CORS policy allows localhost:5173.
export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true },
  server: { port: 5173, strictPort: true },
});
