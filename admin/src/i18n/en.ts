import englishMessages from 'ra-language-english';
import { app } from './app.en';

export const en = { ...englishMessages, ...app };
