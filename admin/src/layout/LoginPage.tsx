import GridOnIcon from '@mui/icons-material/GridOn';
import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Login, LoginForm, useLocales, useLocaleState, useTranslate } from 'react-admin';

/**
 * The sign-in page names the product and offers the two languages before
 * signing in (the choice is kept, as the app bar's switch keeps it).
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  return (
    <Login avatarIcon={<GridOnIcon />}>
      <Box sx={{ textAlign: 'center', px: 2 }}>
        <Typography variant="h5" component="h1">
          {translate('cg.app')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('cg.auth.product')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={locale}
          aria-label={translate('cg.auth.language')}
          sx={{ mt: 1 }}
          onChange={(_, chosen: string | null) => chosen && setLocale(chosen)}
        >
          {locales.map(({ locale: value, name }) => (
            <ToggleButton key={value} value={value} lang={value}>
              {name}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <LoginForm />
    </Login>
  );
};
