import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the dashboard with hot reload and forwards /graphql to the API on :4000.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
});
