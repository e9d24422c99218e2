/* jj-opencc-keys.cpp
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OpenCC has no C API for its dictionaries: this file reads them through
 * its C++ API, and only lists their keys.
 */

#include "config.h"

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MaxMatchSegmentation.hpp>

#include "jj-opencc-keys.h"

static void
foreach_key (const opencc::DictPtr &dict,
             JjOpenccKeyFunc        func,
             gpointer               user_data)
{
  auto group = std::dynamic_pointer_cast<opencc::DictGroup> (dict);

  if (group)
    {
      for (const auto &d : group->GetDicts ())
        foreach_key (d, func, user_data);
      return;
    }

  auto lexicon = dict->GetLexicon ();
  for (size_t i = 0; i < lexicon->Length (); i++)
    {
      const std::string &key = lexicon->At (i)->Key ();

      func (key.data (), key.size (), user_data);
    }
}

gboolean
jj_opencc_foreach_key (const char      *config_file,
                       JjOpenccKeyFunc  func,
                       gpointer         user_data)
{
  g_return_val_if_fail (config_file != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  try
    {
      opencc::Config config;
      opencc::ConverterPtr converter = config.NewFromFile (config_file);
      auto segmentation = std::dynamic_pointer_cast<opencc::MaxMatchSegmentation> (converter->GetSegmentation ());

      if (!segmentation)
        return FALSE;

      foreach_key (segmentation->GetDict (), func, user_data);
      for (const auto &conversion : converter->GetConversionChain ()->GetConversions ())
        foreach_key (conversion->GetDict (), func, user_data);

      return TRUE;
    }
  catch (...)
    {
      return FALSE;
    }
}
